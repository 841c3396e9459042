// Where the app's resources/ folder is (USB and HID device profiles, the embedded hub's offers),
// found one way whatever runs: the source tree (src/main/...), the build (out/main/*.cjs, or a
// shared chunk in out/main/chunks/, one level deeper) and the package (resources/app.asar/out/...,
// which Electron's fs reads like a folder). The app's root is the nearest folder above the code
// that holds package.json: the repository, or app.asar; resources/ sits there (electron-builder.yml
// packs it into app.asar). A fixed '../..' from __dirname cannot be right for both an entry and a
// chunk: the bundler decides where code lands, so the folder was once looked for in out/.
import fs from 'node:fs';
import path from 'node:path';

export function appResourcesDir(codeDir: string, exists: (file: string) => boolean = fs.existsSync): string {
  let dir = path.resolve(codeDir);
  for (;;) {
    if (exists(path.join(dir, 'package.json'))) return path.join(dir, 'resources');
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        `No package.json above ${codeDir}: the app's resources/ folder cannot be found (reinstall Relais).`,
      );
    dir = parent;
  }
}
