/** An address shown in views and logs: first character of the local part, then the domain (a***@example.com). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}
