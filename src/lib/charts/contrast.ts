/**
 * WCAG 2.x contrast of CSS colours: relative luminance and contrast ratio, after compositing a
 * translucent colour over what is behind it. Reads the forms charts and computed styles give:
 * #rgb, #rrggbb, rgb()/rgba() (comma or space separated, alpha as a number or a percentage),
 * and `transparent`. Anything else throws: a colour that cannot be read must not pass a check.
 */

/** An sRGB colour, channels 0–255 (not rounded), alpha 0–1. */
export interface Rgba {
	r: number;
	g: number;
	b: number;
	a: number;
}

/** Least contrast for text (WCAG 1.4.3, level AA). */
export const TEXT_CONTRAST = 4.5;
/** Least contrast for graphical objects against adjacent colours (WCAG 1.4.11, level AA). */
export const NON_TEXT_CONTRAST = 3;

export function parseColor(css: string): Rgba {
	const text = css.trim().toLowerCase();
	if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
	if (hex) {
		const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
		const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as [
			number,
			number,
			number
		];
		return { r, g, b, a: 1 };
	}
	const args = /^rgba?\(([^)]*)\)$/.exec(text)?.[1];
	if (args !== undefined) {
		const parts = args.split(/\s*[,/]\s*|\s+/).filter(Boolean);
		const number = (part: string | undefined, scale: number) => {
			if (part === undefined || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/.test(part)) {
				throw new Error(`Unreadable colour: ${css}`);
			}
			return part.endsWith('%') ? (parseFloat(part) / 100) * scale : parseFloat(part);
		};
		if (parts.length === 3 || parts.length === 4) {
			const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
			return {
				r: clamp(number(parts[0], 255), 255),
				g: clamp(number(parts[1], 255), 255),
				b: clamp(number(parts[2], 255), 255),
				a: parts.length === 4 ? clamp(number(parts[3], 1), 1) : 1
			};
		}
	}
	throw new Error(`Unreadable colour: ${css}`);
}

/** `top` painted over `bottom` (source-over, in sRGB as browsers blend). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
	const a = top.a + bottom.a * (1 - top.a);
	if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
	const channel = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
	return {
		r: channel(top.r, bottom.r),
		g: channel(top.g, bottom.g),
		b: channel(top.b, bottom.b),
		a
	};
}

/** A colour with its alpha multiplied by `opacity` (SVG fill-opacity, CSS opacity). */
export function withOpacity(color: Rgba, opacity: number): Rgba {
	return { ...color, a: color.a * opacity };
}

/** WCAG 2.x relative luminance of an opaque colour (0 black … 1 white). */
export function relativeLuminance(color: Rgba | string): number {
	const { r, g, b, a } = typeof color === 'string' ? parseColor(color) : color;
	if (a !== 1) throw new Error('Relative luminance needs an opaque colour: composite it first');
	const linear = (channel: number) => {
		const c = channel / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Contrast ratio (1–21) of `foreground` on `background`. A translucent background is first laid
 * over `backdrop` (white unless told), then a translucent foreground over the result.
 */
export function contrastRatio(
	foreground: Rgba | string,
	background: Rgba | string,
	backdrop: Rgba | string = '#ffffff'
): number {
	const read = (color: Rgba | string) => (typeof color === 'string' ? parseColor(color) : color);
	const base = read(backdrop);
	if (base.a !== 1) throw new Error('The backdrop must be opaque');
	const behind = composite(read(background), base);
	const front = composite(read(foreground), behind);
	const [light, dark] = [relativeLuminance(front), relativeLuminance(behind)].sort(
		(x, y) => y - x
	) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}
