/** Real-n8n end-to-end suites; run through `npm run test:e2e` (e2e/run.ts), which installs n8n and sets the version. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e/tests'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }] },
	maxWorkers: 1,
	testTimeout: 10 * 60 * 1000,
	slowTestThreshold: 120,
	verbose: true,
	// n8n and the simulator are stopped in afterAll; idle keep-alive sockets of fetch() would otherwise hold jest open
	forceExit: true,
};
