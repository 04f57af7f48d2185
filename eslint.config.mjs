import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS files: the configs Next and Jest load with require, and scripts/chromium.cjs (Playwright loads its config as CommonJS).
  { files: ["*.config.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // lib/ is the product and components/ its React UI: lib/ never imports a component.
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/components/*", "**/components/*"], message: "lib/ must not import from components/: move the shared code into lib/." }] },
      ],
    },
  },
  // Test helpers named use… (useTestDatabase) register Jest hooks, not React hooks.
  { files: ["**/*.test.ts", "**/*.spec.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  // A regex that backtracks super-linearly lets one crafted text block the server (issue 22).
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "proxy.ts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
