export function recordAudit(event: string): void {
  console.log(JSON.stringify({ event, at: new Date().toISOString() }));
}
