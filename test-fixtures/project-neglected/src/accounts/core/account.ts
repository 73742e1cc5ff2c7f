export function openAccount(email: string): { email: string } {
  console.log('opening account', email);
  return { email: email.toLowerCase() };
}
