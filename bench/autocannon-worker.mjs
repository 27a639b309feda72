// Fallback load generator when wrk is missing: one autocannon run in its own process
// (so run.mjs can pin it to a core). Prints one line "AC_JSON {...}" with the result.
// Usage: node bench/autocannon-worker.mjs '{"url":..., "connections":50, "duration":10, "randomArticleMax":0,
//                                          "acceptEncoding":"gzip, deflate, br"|null}'
import autocannon from 'autocannon';

const { url, connections, duration, randomArticleMax, acceptEncoding } = JSON.parse(process.argv[2]);
const options = { url, connections, duration, timeout: 10 };
if (acceptEncoding) options.headers = { 'accept-encoding': acceptEncoding };
if (randomArticleMax > 0) {
  // a random article id for every request
  options.requests = [{ setupRequest: (req) => ({ ...req, path: `/article/${1 + Math.floor(Math.random() * randomArticleMax)}` }) }];
}
const result = await autocannon(options);
console.log(
  'AC_JSON ' +
    JSON.stringify({
      requests: result.requests.total,
      seconds: result.duration,
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors, // includes timeouts
    }),
);
