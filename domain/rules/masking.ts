/** Masks personal data for roles without `personal:read`, as the backend would. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskIdNumber(id: string | null): string | null {
  return id === null ? null : `${id.slice(0, 6)}********${id.slice(-4)}`;
}

export function maskAddress(address: string | null): string | null {
  return address === null ? null : `${address.slice(0, 6)}****`;
}
