// The baseline of npm run bench:api: Express with nothing but one JSON route, started as
// its own process on PORT, so the API's figures can be read as a share of what Express
// itself does on this machine at that moment.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => {
  res.json({ hello: 'world' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
