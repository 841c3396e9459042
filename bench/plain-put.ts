// The reference of the files half of the sync bench (bench/sync-files.ts): the same bytes sent by a
// plain HTTP PUT each, one after the other, to the sink beside the hub. Run in a process of its
// own, so that the bench measures its station's memory from where the files push starts.
// Usage: node --import tsx bench/plain-put.ts <sink URL> <folder of files>; prints the MB/s and
// the CPU time it took per MB.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** The files sent by plain PUT, in MB/s. */
export async function plainUploadRate(files: string[], plainUrl: string): Promise<number> {
  const { port } = new URL(plainUrl);
  const start = performance.now();
  let bytes = 0;
  for (const file of files) {
    const size = fs.statSync(file).size;
    bytes += size;
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'PUT', path: '/', headers: { 'Content-Length': size } },
        (res) => res.resume().on('end', () => resolve()),
      );
      req.on('error', reject);
      fs.createReadStream(file).pipe(req);
    });
  }
  return bytes / (1024 * 1024) / ((performance.now() - start) / 1000);
}

const [url, folder] = process.argv.slice(2);
if (url && folder) {
  const files = fs.readdirSync(folder).map((name) => path.join(folder, name));
  const cpu = process.cpuUsage();
  void plainUploadRate(files, url).then((rate) => {
    const used = process.cpuUsage(cpu);
    const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / (1024 * 1024);
    process.stdout.write(`${JSON.stringify({ rate, cpuMsPerMb: (used.user + used.system) / 1000 / megabytes })}\n`);
  });
}
