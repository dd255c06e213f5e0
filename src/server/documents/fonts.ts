import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A CJK font for generated PDFs. The npm package @expo-google-fonts/noto-sans-sc (Noto Sans SC, OFL)
 * is preferred so a fresh machine renders Chinese without system fonts; Debian's fonts-noto-cjk is
 * the fallback. `family` names the face inside a TrueType collection (.ttc).
 */
export interface FontFace {
  path: string;
  family?: string;
}
export interface CjkFonts {
  regular: FontFace;
  bold: FontFace;
}

const require = createRequire(import.meta.url);

function fromPackage(file: string): string | null {
  try {
    return require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
  } catch {
    return null;
  }
}

const DEBIAN = '/usr/share/fonts/opentype/noto';

let cached: CjkFonts | null | undefined;

/** The fonts found on this machine, or null when none is installed (the caller reports it). */
export function findCjkFonts(): CjkFonts | null {
  if (cached !== undefined) return cached;
  const regular = fromPackage('400Regular/NotoSansSC_400Regular.ttf');
  const bold = fromPackage('700Bold/NotoSansSC_700Bold.ttf');
  if (regular) {
    cached = { regular: { path: regular }, bold: { path: bold ?? regular } };
  } else if (existsSync(`${DEBIAN}/NotoSansCJK-Regular.ttc`)) {
    const boldTtc = existsSync(`${DEBIAN}/NotoSansCJK-Bold.ttc`)
      ? `${DEBIAN}/NotoSansCJK-Bold.ttc`
      : `${DEBIAN}/NotoSansCJK-Regular.ttc`;
    cached = {
      regular: { path: `${DEBIAN}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' },
      bold: {
        path: boldTtc,
        family: boldTtc.endsWith('Bold.ttc') ? 'NotoSansCJKsc-Bold' : 'NotoSansCJKsc-Regular',
      },
    };
  } else {
    cached = null;
  }
  return cached;
}
