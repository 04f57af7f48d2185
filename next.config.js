/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The W3C Annotation Protocol's containers have IRIs that end in "/" (app/annotations/):
  // Next must serve them there, not redirect to the address without it. proxy.ts keeps
  // the redirect for the pages.
  skipTrailingSlashRedirect: true,
  // Packages with native or wasm parts stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg"],
  // An import may carry a 2 MB paste and a 2 MB file in one Server Action request.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  // The Content-Security-Policy, with a nonce per page, is set by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
