// The client's address behind nginx: X-Forwarded-For counts only from a trusted proxy,
// and only its last entry (what the proxy saw), so a client cannot pick its address.
import { describe, expect, it } from "vitest";
import { clientAddressResolver, parseTrustedProxies } from "../../server/scale/client-address";

describe("client address behind a proxy", () => {
  const resolve = clientAddressResolver(parseTrustedProxies("127.0.0.1, 10.0.0.5"));

  it("takes the last X-Forwarded-For entry from a trusted proxy", () => {
    expect(resolve("127.0.0.1", { "x-forwarded-for": "198.51.100.7" })).toBe("198.51.100.7");
    expect(resolve("::ffff:10.0.0.5", { "x-forwarded-for": "198.51.100.7" })).toBe("198.51.100.7");
    // A client's own header comes first; nginx appends what it saw.
    expect(resolve("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 198.51.100.7" })).toBe("198.51.100.7");
    expect(resolve("127.0.0.1", { "x-forwarded-for": "::ffff:198.51.100.9" })).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For from anyone else: the peer's address counts", () => {
    expect(resolve("203.0.113.9", { "x-forwarded-for": "198.51.100.7" })).toBe("203.0.113.9");
    expect(resolve("::ffff:203.0.113.9", {})).toBe("203.0.113.9");
  });

  it("keeps the proxy's address when its header is missing or not an address", () => {
    expect(resolve("127.0.0.1", {})).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", { "x-forwarded-for": "1.2.3.4, not-an-ip" })).toBe("127.0.0.1");
    expect(resolve(undefined, {})).toBe("unknown");
  });

  it("without TRUSTED_PROXIES nothing is believed", () => {
    const none = clientAddressResolver(parseTrustedProxies(undefined));
    expect(none("127.0.0.1", { "x-forwarded-for": "198.51.100.7" })).toBe("127.0.0.1");
  });

  it("refuses an entry that is not an IP address", () => {
    expect(() => parseTrustedProxies("127.0.0.1,nginx.internal")).toThrow(/not an IP address: nginx.internal/);
  });
});
