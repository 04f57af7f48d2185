import { clientAddress, trustedProxies } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  const none = trustedProxies("");
  const proxies = trustedProxies("10.0.0.1, 192.0.2.0/24, fd00::/8");

  it("is the peer address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", null, none)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "203.0.113.9", none)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "203.0.113.9, 10.0.0.1", proxies)).toBe("198.51.100.7");
  });

  it("reads X-Forwarded-For from the right, past the trusted proxies only", () => {
    expect(clientAddress("10.0.0.1", "203.0.113.9", proxies)).toBe("203.0.113.9");
    // The client wrote 1.2.3.4 itself; the proxies appended what they saw.
    expect(clientAddress("10.0.0.1", "1.2.3.4, 203.0.113.9, 192.0.2.5", proxies)).toBe("203.0.113.9");
    expect(clientAddress("fd00::2", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("stops at the last trusted hop when the list runs out or holds something that is not an address", () => {
    expect(clientAddress("10.0.0.1", null, proxies)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", "192.0.2.9", proxies)).toBe("192.0.2.9");
    expect(clientAddress("10.0.0.1", "203.0.113.9, not-an-address", proxies)).toBe("10.0.0.1");
  });

  it("spells an IPv4 peer on an IPv6 socket as IPv4, and has no address without a peer", () => {
    expect(clientAddress("::ffff:10.0.0.1", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::FFFF:198.51.100.7", null, none)).toBe("198.51.100.7");
    expect(clientAddress(null, "203.0.113.9", proxies)).toBeNull();
    expect(clientAddress("", "203.0.113.9", proxies)).toBeNull();
  });
});

describe("trustedProxies", () => {
  it("refuses an entry that is not an address or a CIDR range", () => {
    for (const bad of ["proxy.example", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0"]) {
      expect(() => trustedProxies(bad)).toThrow(/VERITY_TRUSTED_PROXIES/);
    }
  });
});
