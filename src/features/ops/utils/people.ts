/** "Sarah Miller", else the email, else "System" for rows written by the service (no user behind them). */
export function personName(people: Record<string, { full_name: string | null; email: string | null }> | undefined, id: string | null): string {
  if (!id) return 'System';
  const person = people?.[id];
  return person?.full_name || person?.email || 'Unknown user';
}
