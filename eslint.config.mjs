import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS config files (Next and Jest load them with require).
  { files: ["*.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
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
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
