import { isVersionedLibreSpeedImage, parseImageRef } from '../project/images.js';
import { finding, type Rule } from './rule.js';

export const imageUnpinned: Rule = {
  id: 'image-unpinned',
  severity: 'note',
  title: 'An image without a version tag, or tagged `latest`',
  check(view) {
    const out = [];
    for (const service of view.compose.services) {
      const image = service.image;
      // A service that builds its image tags it with `image:`; the build, not the tag, decides its contents.
      if (!image || service.build !== undefined) continue;
      const ref = parseImageRef(image.value);
      if (ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
      const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
      const libreSpeed = isVersionedLibreSpeedImage(image.value)
        ? ' For LibreSpeed this matters: its web port moved from 80 to 8080 in 5.5.0.'
        : '';
      out.push(
        finding(
          imageUnpinned,
          image.pos,
          `"${service.name}" uses ${image.value}${ref.tag ? '' : ' (no tag, so :latest)'}: each pull may bring a different version, so the stack can change or break without a change to the project.${libreSpeed}`,
          `Pin a version tag (\`image: ${name}:<version>\`), or a digest (\`${name}@sha256:…\`).`,
          { service: service.name },
        ),
      );
    }
    return out;
  },
};
