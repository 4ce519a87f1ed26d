import { isIP, isIPv6 } from 'node:net';

/**
 * The client's address: the socket's peer, or, behind our own proxy (`trustProxy`), the last
 * `X-Forwarded-For` entry, the one that proxy appended. Earlier entries are whatever the client
 * chose to send, so they are never believed.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  const forwarded = trustProxy ? forwardedFor?.split(',').at(-1)?.trim() : undefined;
  const address = forwarded && isIP(forwarded) ? forwarded : socketAddress;
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** An IPv6 address's eight groups, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...missing, ...right];
}

/**
 * What limits count against: the address itself for IPv4, the /64 network for IPv6, since one
 * subscriber is given a whole /64 and could otherwise step around a limit by changing address.
 */
export function limitKey(address: string): string {
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address.split('%')[0]!)
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
