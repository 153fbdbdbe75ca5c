import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.local/**', '**/.angular', 'tools/**', '**/*.cts', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:test-kit'] },
            { sourceTag: 'scope:test-kit', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Every write of a service goes through a repository of libs/store, the one place that knows
    // the store's limits (FerretDB v1 lets concurrent conditional updates all win and loses
    // concurrent updates of a document), so a write that bypasses it cannot land.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/mongoose',
              importNames: ['InjectModel', 'InjectConnection', 'getModelToken', 'getConnectionToken', 'MongooseModule'],
              message: 'Read and write through a repository of @pilot/store (StoreModule.forFeature, InjectRepository).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne|bulkWrite|insertOne|insertMany|deleteOne|deleteMany|findOneAndDelete|findByIdAndDelete)$/]',
          message: 'Write through a repository of @pilot/store: it takes the document\'s turn and carries the events.',
        },
        {
          selector: 'Property[key.name=/^\\$(set|unset|push|pull|pullAll|addToSet|pop|inc|mul|rename|setOnInsert|currentDate|min|max|bit)$/], Property[key.value=/^\\$(set|unset|push|pull|pullAll|addToSet|pop|inc|mul|rename|setOnInsert|currentDate|min|max|bit)$/]',
          message: 'Say what changes ({ set, unset, append, events }) and let @pilot/store write it; no update operators outside it.',
        },
        {
          selector: "Property[key.name='outbox'], Property[key.value='outbox']",
          message: 'Events go in a change\'s `events`; only @pilot/store writes the outbox.',
        },
        {
          selector: 'ImportSpecifier[imported.name=/^(SingleWinner|DocumentTurns|VersionedChanges|Claims|upsertOne|bulkWriteInSlices)$/]',
          message: 'Claims and turns are the store\'s own business: use a repository (claimOnce, change, update, upsert).',
        },
      ],
    },
  },
  {
    // The gateway's DTOs take a field as optional only when it is absent: class-validator's
    // IsOptional also lets null through, which no route expects (a list given as null is no list).
    files: ['apps/gateway/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'class-validator', importNames: ['IsOptional'], message: 'Use Optional() from apps/gateway/src/http/optional: null is not an absent field.' }],
        },
      ],
    },
  },
];
