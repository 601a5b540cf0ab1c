// The builder task: `node portfolio-task/dist/main.js` with BUILD_ID in its environment.
// Loading the build and writing the site are the backend's data access, shared with the
// API; they are loaded at run time so that the two packages' types do not depend on each
// other (the backend imports this package's renderer).
const { main } = require('@r2w/backend/dist/builder/main') as { main(): Promise<number> };

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
