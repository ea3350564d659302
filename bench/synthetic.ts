import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A synthetic project: `services` backends on two networks behind one nginx proxy, and
 * `servers` server blocks with `locations` locations spread over them, each proxying to a backend.
 */
export function writeSyntheticProject(
  dir: string,
  scale: { services: number; servers: number; locations: number },
): void {
  mkdirSync(path.join(dir, 'conf.d'), { recursive: true });
  let compose =
    'services:\n  nginx:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n    volumes:\n      - ./conf.d:/etc/nginx/conf.d:ro\n    networks: [front, back]\n    depends_on:\n';
  for (let i = 0; i < scale.services; i++) compose += `      - app${i}\n`;
  for (let i = 0; i < scale.services; i++) {
    compose += `  app${i}:\n    image: registry.example/app:${i}.0\n    expose: ["8080"]\n    networks:\n      ${i % 2 ? 'back' : 'front'}:\n        aliases: [api${i}]\n`;
  }
  compose += 'networks:\n  front: {}\n  back: {}\n';
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  const perServer = Math.ceil(scale.locations / scale.servers);
  const filesCount = Math.max(1, Math.ceil(scale.servers / 50));
  let loc = 0;
  for (let f = 0; f < filesCount; f++) {
    let conf = '';
    for (let s = f * 50; s < Math.min(scale.servers, (f + 1) * 50); s++) {
      conf += `server {\n    listen 80;\n    server_name s${s}.example.com;\n`;
      for (let l = 0; l < perServer && loc < scale.locations; l++, loc++) {
        const target = loc % scale.services;
        conf += `    location /p${l}/ {\n        proxy_pass http://${loc % 3 === 0 ? `api${target}` : `app${target}`}:8080;\n        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n`;
      }
      conf += '}\n';
    }
    writeFileSync(path.join(dir, 'conf.d', `site${f}.conf`), conf);
  }
}

/**
 * The hostile-scale case of issue 6: `n` services and `n` server blocks, each server proxying to its
 * own service, which the proxy does not depend on (so every service gets an upstream-start-order
 * finding and one shared depends_on edit). At n = 1,000 that is about 110 KB of input.
 */
export function writeHostileScaleProject(dir: string, n: number): void {
  let compose =
    'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80"]\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n';
  for (let i = 0; i < n; i++) compose += `  s${i}:\n    image: app:1\n`;
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  let conf = '';
  for (let i = 0; i < n; i++)
    conf += `server {\n  listen 80;\n  server_name h${i};\n  location / { proxy_pass http://s${i}:80; }\n}\n`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
}
