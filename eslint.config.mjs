import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS config files (Next and Jest load them with require).
  { files: ["*.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Test helpers named use… (useTestDatabase) register Jest hooks, not React hooks.
  { files: ["**/*.test.ts", "**/*.spec.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
