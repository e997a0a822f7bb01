// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/", "packages/*/dist/", "public/", ".dependency-cruiser.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", Blob: "readonly", Buffer: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
      eqeqeq: ["error", "always"],
      // Casting to "safe" tells xss-scan a string is markup: a person's name cast that way once
      // reached a page unescaped. Escape text with escapeHtml() or <span safe>; only the UI kit
      // passes already rendered children through, and each other exception says why.
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression[typeAnnotation.literal.value='safe']",
          message: 'Do not cast to "safe": escape with escapeHtml() or <span safe>{…}</span>.',
        },
        {
          selector: "TSAsExpression[typeAnnotation.elementType.literal.value='safe']",
          message: 'Do not cast to "safe"[]: render escaped elements.',
        },
      ],
    },
  },
  {
    // The UI kit and the page frame pass already rendered children (JSX strings) through.
    files: ["src/views/components.tsx", "src/views/layout.tsx", "src/platform/http/page.tsx"],
    rules: { "no-restricted-syntax": "off" },
  },
);
