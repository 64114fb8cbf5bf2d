/** Offers `content` to the user as a file download. */
export function downloadFile(filename: string, content: Blob): void {
	const url = URL.createObjectURL(content);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked on the next task: the click has started the download by then.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Draws an SVG document onto a white canvas at `scale` and returns it as PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(image.naturalWidth * scale);
		canvas.height = Math.ceil(image.naturalHeight * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('No 2D canvas');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.scale(scale, scale);
		context.drawImage(image, 0, 0);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/**
 * A download's file name, safe on Windows (no control characters, no reserved punctuation):
 * the chart's title, the filters chosen and the day, so two downloads of one chart under other
 * filters neither overwrite each other nor get mixed up: "자치구별 총점 (연도 2019) 2026-12-05.csv".
 * Long filters are cut; the day is always kept.
 */
export function downloadName(
	title: string,
	filters: string,
	day: string,
	extension: string
): string {
	const printable = [...`${title} (${filters})`].filter((char) => char >= ' ').join('');
	const base = printable
		.replace(/[\\/:*?"<>|]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120)
		.trim();
	return `${base || 'chart'} ${day}.${extension}`;
}

/** A date as the day it falls on here, YYYY-MM-DD: what a file name or a note says. */
export function localDay(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
