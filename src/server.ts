// Entry point: the only module that reads the process environment. Start-up (configuration
// -> database -> migrations -> demo content -> app -> listen) and the graceful shutdown live
// in run-server.ts, which the tests also run in a child process.
import { runServer } from './run-server.js';

runServer(process.env);
