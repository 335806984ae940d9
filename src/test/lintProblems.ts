// Lints one snippet as if it were a file at `filePath`, with only the given rules: what a rule
// test needs to prove the rule fires (and stays quiet where it should).
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

export const lintProblems = (rules: Linter.Config[]) => {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      ...rules,
    ],
  });
  return async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result?.messages.map((m) => m.message) ?? [];
  };
};
