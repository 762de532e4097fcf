import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'public/**', 'report-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // shared/ is imported by the Apps Script bundle and the Node CLI: it must stay pure TypeScript.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url'],
              message: 'shared/ must not import Node modules',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'HtmlService',
        'LockService',
        'PropertiesService',
        'Session',
        'Utilities',
        'Logger',
        'ScriptApp',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    // The installed command runs in Node.
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['apps-script/entry.js'],
    languageOptions: { sourceType: 'script', globals: { GtmPyramid: 'readonly' } },
    rules: { 'no-unused-vars': 'off' },
  },
);
