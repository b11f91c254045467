// Lint rules. The one that matters most: a service imports only the platform
// and itself, never another service (see ARCHITECTURE.md).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { readdirSync } from 'node:fs'

const services = readdirSync(new URL('./src/services/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', document: 'readonly', window: 'readonly', HTMLScriptElement: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // A service may import only platform/ and itself.
  ...services.map((service) => ({
    files: [`src/services/${service}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: services
            .filter((other) => other !== service)
            .flatMap((other) => [
              { group: [`**/services/${other}`, `**/services/${other}/**`, `../${other}`, `../${other}/**`], message: `A service imports only platform/ and itself; move what ${service} needs from ${other} into platform/.` },
            ]),
        },
      ],
    },
  })),
  // The platform never imports a service.
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/**'], message: 'The platform must not depend on a service.' }] }],
    },
  },
)
