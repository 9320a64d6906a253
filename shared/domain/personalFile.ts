/**
 * Personal file numbers (asmens bylos numeris) identify a convict across requests; they are compared
 * without differences of letter case or spacing ("a-123" and "A 123"… are typed both ways).
 */
export function personalFileKey(personalFileNo: string): string {
  return personalFileNo.replace(/\s+/g, '').toUpperCase();
}
