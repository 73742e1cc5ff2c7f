export interface Customer {
  id: string;
  name: string;
}

export async function fetchCustomer(baseUrl: string, id: string): Promise<Customer> {
  const response = await fetch(`${baseUrl}/v2/customers/${id}`);
  const body = (await response.json()) as { id: string; display_name: string };
  return { id: body.id, name: body.display_name };
}
