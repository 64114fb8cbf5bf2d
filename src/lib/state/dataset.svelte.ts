import type { Preparer } from '$lib/csv/prepare';
import { importCsv, type ImportMode, type ImportResult } from '$lib/csv/import';
import { keepChoices, replaySteps } from '$lib/dataset/choices';
import { readContents } from '$lib/dataset/contents';
import { importPublished, type ImportChoices, type PublishedDataset } from '$lib/dataset/published';
import { importSample, prepareEngine, type FetchBytes } from '$lib/dataset/sample';
import { timedStep } from '$lib/timing/step';
import { StorageFullError, type StoredUpload, type UploadStore } from '$lib/dataset/upload-store';
import type { FileKind } from '$lib/csv/columns';
import type { Engine } from '$lib/engine/types';
import { loadedFiles, type SourceFile } from '$lib/provenance/source-files';
import { clearData } from '$lib/query/schema';
import { readBeforeImport, recordBeforeImport } from '$lib/versions/before-import';
import type { VersionProblem, VersionRef } from '$lib/versions/version-ref';
import type { FilterOptionRows } from '$lib/query/scores';

export type { ImportChoices, PublishedDataset };

export type LoadStatus =
	| { phase: 'engine' }
	| { phase: 'data' }
	| {
			phase: 'ready';
			evaluationRows: number;
			budgetRows: number;
			/** Of those, the shipped (synthetic) sample's rows. */
			sampleEvaluationRows: number;
			sampleBudgetRows: number;
	  }
	| { phase: 'unavailable'; dataset: string }
	| { phase: 'failed'; message: string };

/** A notice about keeping uploads in the browser, worded by the i18n layer. */
export type StorageNotice = 'full' | 'unavailable' | 'replay-failed' | null;

const NO_OPTIONS: FilterOptionRows = { years: [], districts: [], areas: [], indicators: [] };

/** A file to import: its name and bytes, and the chosen file itself where there is one. */
export interface ImportFile {
	name: string;
	bytes: Uint8Array;
	/** The file as chosen (a File is a Blob): kept as is, the browser stores it off the page's thread. */
	blob?: Blob;
}

/** The dependencies a dataset needs, handed in by the page (and by tests). */
export interface DatasetSources {
	startEngine: () => Promise<Engine>;
	fetchBytes: FetchBytes;
	/** Opens the browser store of uploads; null where the browser has none. */
	openStore: () => Promise<UploadStore | null>;
	/** Reads an app URL (the server's dataset API). */
	fetch: typeof fetch;
	/** Where uploads are decoded and scanned: a worker in the browser. */
	prepare?: Preparer;
	/** Gets `prepare` ready before a file comes (the browser starts its worker). */
	startPreparing?: () => Promise<void>;
	/** Starts an engine apart from the page's, for another version of the data (변경 비교). */
	startSeparateEngine?: () => Promise<SeparateEngine>;
	/** Where the uploads before the last import are recorded: localStorage in the browser. */
	storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** An engine of its own, closed by whoever asked for it. */
export type SeparateEngine = Engine & { close(): void | Promise<void> };

/** Another version of the data, loaded in an engine of its own. */
export interface LoadedVersion {
	engine: SeparateEngine;
	files: SourceFile[];
	/** A published version's title and time. */
	published: PublishedDataset | null;
}

/**
 * The loaded data: the engine, what is in it, and the files the user added. Views read
 * `engine` and `revision` and run their own queries; filters live in the URL, not here.
 * Every imported file's bytes are kept in the browser and replayed, in order, after a reload.
 */
export class DatasetState {
	status = $state<LoadStatus>({ phase: 'engine' });
	options = $state.raw<FilterOptionRows>(NO_OPTIONS);
	/** Results of the files tried in this page, newest last. */
	imports = $state.raw<ImportResult[]>([]);
	/** The kept uploads, in replay order. */
	uploads = $state.raw<StoredUpload[]>([]);
	/** The file being imported now, and how many are queued with it. */
	progress = $state<{ file: string; index: number; total: number } | null>(null);
	storageNotice = $state<StorageNotice>(null);
	/**
	 * How the next files are imported, as chosen in the upload panel: the mode, and whether staff's
	 * files take the sample's place (the default) rather than join it.
	 */
	uploadChoices = $state<{ mode: ImportMode; setAsideSample: boolean }>({
		mode: 'add',
		setAsideSample: true
	});
	/** Bumped whenever the loaded data changes, so views know to query again. */
	revision = $state(0);
	/** The engine once the data is in it; null before. */
	engine = $state.raw<Engine | null>(null);
	/** The published dataset shown instead of this browser's uploads; null for local data. */
	published = $state.raw<PublishedDataset | null>(null);
	/** This browser may publish: it signed in as an editor (see `checkEditor`). */
	mayPublish = $state(false);

	readonly #sources: DatasetSources;
	#store: UploadStore | null = null;
	#abort: AbortController | null = null;
	/**
	 * Bytes of files tried in this page that may be read again without a new upload: refused
	 * files (a retry) and workbooks (another sheet), by hash.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, never rendered
	readonly #atHand = new Map<string, Uint8Array>();

	constructor(sources: DatasetSources) {
		this.#sources = sources;
	}

	/**
	 * Asks the server whether this browser signed in as an editor: the sign-in cookie is
	 * HttpOnly, so the page cannot read it. Anything but a clear yes leaves publishing hidden.
	 */
	async checkEditor(): Promise<void> {
		try {
			const response = await this.#sources.fetch('/api/editor');
			const body: { editor?: unknown } = response.ok ? await response.json() : {};
			this.mayPublish = body.editor === true;
		} catch {
			this.mayPublish = false;
		}
	}

	/**
	 * Ends the editor sign-in on this browser (the server clears its cookie). Publishing hides
	 * only once the server said so: a failed sign-out leaves the badge, which is the truth.
	 */
	async signOut(): Promise<void> {
		try {
			const response = await this.#sources.fetch('/api/editor', { method: 'DELETE' });
			if (response.ok) this.mayPublish = false;
		} catch {
			// Offline: still signed in, and the badge says so.
		}
	}

	/**
	 * Starts the engine and loads the shipped sample, then either replays this browser's kept
	 * uploads or, for a link to a published dataset, exactly that dataset's files.
	 */
	async load(publishedId: string | null = null): Promise<void> {
		try {
			const engine = await timedStep('engine:start', () => this.#sources.startEngine());
			this.status = { phase: 'data' };
			await timedStep('engine:schema', () => prepareEngine(engine, this.#sources.fetchBytes));
			if (publishedId) {
				await this.#loadPublished(engine, publishedId);
				return;
			}
			this.#store = await this.#sources.openStore().catch(() => null);
			if (!this.#store) this.storageNotice = 'unavailable';
			await this.#fill(engine);
			this.engine = engine;
		} catch (error) {
			this.status = { phase: 'failed', message: messageOf(error) };
		}
	}

	async #loadPublished(engine: Engine, id: string): Promise<void> {
		const response = await this.#sources.fetch(`/api/datasets/${encodeURIComponent(id)}`);
		if (response.status === 404) {
			this.status = { phase: 'unavailable', dataset: id };
			return;
		}
		if (!response.ok) throw new Error(`dataset ${id}: HTTP ${response.status}`);
		const manifest = (await response.json()) as PublishedDataset;
		await importPublished(engine, manifest, {
			fetchBytes: this.#sources.fetchBytes,
			prepare: this.#sources.prepare,
			fileBytes: (hash) => this.#publishedBytes(id, hash)
		});
		this.published = manifest;
		await this.#refresh(engine);
		this.engine = engine;
	}

	/**
	 * One file of a published dataset. Immutable and named by content: the browser cache answers
	 * a file seen before.
	 */
	async #publishedBytes(id: string, hash: string): Promise<Uint8Array> {
		const url = `/api/datasets/${encodeURIComponent(id)}/files/${hash}`;
		const response = await this.#sources.fetch(url);
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	}

	/** The files whose rows are loaded now, named and described (for 출처). */
	async sourceFiles(): Promise<SourceFile[]> {
		const engine = this.engine;
		if (!engine) return [];
		return loadedFiles(engine, { uploads: this.uploads, published: this.published });
	}

	/** A loaded file's bytes, to show its lines as written; null where they are not at hand. */
	async fileBytes(file: SourceFile): Promise<Uint8Array | null> {
		try {
			switch (file.origin) {
				case 'sample':
					return await this.#sources.fetchBytes(file.name);
				case 'published':
					return this.published ? await this.#publishedBytes(this.published.id, file.hash) : null;
				case 'upload':
					return this.#atHand.get(file.hash) ?? (await this.#store?.get(file.hash)) ?? null;
			}
		} catch {
			// Offline, or the file is gone from the store: the rows are shown without their text.
			return null;
		}
	}

	/**
	 * Loads another version of the data in an engine of its own, for 변경 비교: the sample alone, a
	 * published dataset, or this browser's uploads as they were before its last import. The page's
	 * own data is not touched; the caller closes the engine.
	 */
	async loadVersion(
		ref: VersionRef
	): Promise<LoadedVersion | { problem: VersionProblem; detail?: string }> {
		const start = this.#sources.startSeparateEngine;
		if (!start) return { problem: 'unavailable' };
		const before = ref.kind === 'before' ? readBeforeImport(this.#sources.storage ?? null) : null;
		if (ref.kind === 'before' && !before) return { problem: 'no-before' };
		const engine = await start();
		try {
			await prepareEngine(engine, this.#sources.fetchBytes);
			let published: PublishedDataset | null = null;
			if (ref.kind === 'published') {
				const response = await this.#sources.fetch(`/api/datasets/${encodeURIComponent(ref.id)}`);
				if (response.status === 404) {
					await engine.close();
					return { problem: 'unknown' };
				}
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				published = (await response.json()) as PublishedDataset;
				await importPublished(engine, published, {
					fetchBytes: this.#sources.fetchBytes,
					prepare: this.#sources.prepare,
					fileBytes: (hash) => this.#publishedBytes(ref.id, hash)
				});
			} else {
				await importSample(engine, this.#sources.fetchBytes);
				for (const upload of before ?? []) {
					const bytes = await this.#store?.get(upload.hash);
					if (!bytes) throw new Error(upload.name);
					for (const step of replaySteps(upload.choices)) {
						const result = await importCsv(
							engine,
							{ name: upload.name, bytes },
							{ ...step, prepare: this.#sources.prepare }
						);
						if (!result.imported) throw new Error(upload.name);
					}
				}
			}
			const files = await loadedFiles(engine, { uploads: before ?? [], published });
			return { engine, files, published };
		} catch (error) {
			await engine.close();
			return { problem: 'unavailable', detail: messageOf(error) };
		}
	}

	/**
	 * Sends this browser's kept uploads to the server as a new immutable dataset and answers its
	 * id; the server refuses without the editor sign-in.
	 */
	async publish(
		title: string
	): Promise<
		{ ok: true; id: string } | { ok: false; status: number; message: Record<'ko' | 'en', string> }
	> {
		const store = this.#store;
		if (!store) return { ok: false, status: 0, message: { ko: 'no-store', en: 'no-store' } };
		const form = new FormData();
		const described: { name: string; choices: Record<string, unknown> }[] = [];
		for (const upload of await store.list()) {
			const bytes = await store.get(upload.hash);
			if (!bytes) continue;
			described.push({ name: upload.name, choices: upload.choices });
			form.append('file', new Blob([new Uint8Array(bytes)]), upload.name);
		}
		form.append('manifest', JSON.stringify(described));
		form.append('title', title);
		const response = await this.#sources.fetch('/api/datasets', { method: 'POST', body: form });
		const body = (await response.json().catch(() => ({}))) as {
			id?: string;
			error?: { ko: string; en: string };
		};
		if (response.ok && body.id) return { ok: true, id: body.id };
		// The server says why in both languages; the page shows the one it is in.
		return {
			ok: false,
			status: response.status,
			message: body.error ?? { ko: String(response.status), en: String(response.status) }
		};
	}

	/**
	 * Checks and imports files one after another with the same choices. A refused file changes
	 * nothing; an imported one is kept in the browser. If it cannot be kept (storage full), it
	 * is taken out again, so what is shown always matches what a reload would show.
	 */
	async importFiles(
		files: readonly ImportFile[],
		choices: ImportChoices,
		/** A result this import answers (a retry): the new result takes its place in the list. */
		replacing: ImportResult | null = null
	): Promise<void> {
		const engine = this.engine;
		if (!engine || this.progress) return;
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		try {
			// Staff's file takes the place of the made-up sample rather than joining it, unless they
			// chose otherwise: in "add" mode the sample's rows of the file's kind make way (a no-op
			// once they have), and the file keeps that choice for its replays.
			const kept: ImportChoices =
				choices.mode === 'add'
					? { ...choices, setAsideSample: choices.setAsideSample ?? true }
					: { ...choices, setAsideSample: false };
			// The state before this import, kept for 변경 비교 once a file of it is in.
			const before = this.uploads;
			let added = false;
			for (const [index, file] of files.entries()) {
				this.progress = { file: file.name, index, total: files.length };
				const result = await importCsv(engine, file, {
					...kept,
					signal,
					prepare: this.#sources.prepare
				});
				// A retried file's new result replaces the old one, whose buttons no longer apply.
				this.imports = replacing
					? this.imports.map((earlier) => (earlier === replacing ? result : earlier))
					: [...this.imports, result];
				if (!result.imported) {
					this.#atHand.set(result.hash, file.bytes);
					continue;
				}
				// A workbook's bytes stay at hand while this page is open, so another sheet can follow.
				if (result.workbook) this.#atHand.set(result.hash, file.bytes);
				else this.#atHand.delete(result.hash);
				// The sheet read is kept by name, so a reload reads the same one.
				const sheet = result.workbook?.sheet ?? undefined;
				if (!added) recordBeforeImport(this.#sources.storage ?? null, before);
				added = true;
				await this.#keep(engine, file, result, sheet ? { ...kept, sheet } : kept);
				if (signal.aborted) break;
			}
		} finally {
			this.progress = null;
			this.#abort = null;
			await this.#refresh(engine);
		}
	}

	/** Gets ready for files staff are about to choose: the upload section was opened. */
	expectFiles(): void {
		// Only a head start: if the worker cannot start now, preparing the file tries again and
		// reports the failure in that file's result.
		void this.#sources.startPreparing?.().catch(() => undefined);
	}

	/** Imports a file refused earlier in this page again, with other choices. */
	async retry(result: ImportResult, choices: ImportChoices): Promise<void> {
		const bytes = this.#atHand.get(result.hash);
		if (bytes) await this.importFiles([{ name: result.file, bytes }], choices, result);
	}

	/**
	 * Imports another sheet of a workbook tried in this page (refused, or kept with another
	 * sheet imported), with the mode chosen now: each sheet is a table of its own.
	 */
	async importSheet(result: ImportResult, sheet: string, choices: ImportChoices): Promise<void> {
		const bytes = this.#atHand.get(result.hash) ?? (await this.#store?.get(result.hash));
		if (!bytes) return;
		await this.importFiles([{ name: result.file, bytes }], { ...choices, sheet });
	}

	/** Stops the running import; what it had not committed is rolled back. */
	cancelImport(): void {
		this.#abort?.abort();
	}

	/**
	 * Brings the sample's rows of one kind back: forgets every kept upload of that kind (each took
	 * the sample's place, or was added to one that did) and rebuilds the data.
	 */
	async restoreSample(kind: FileKind): Promise<void> {
		const engine = this.engine;
		if (!engine || !this.#store || this.progress) return;
		for (const upload of await this.#store.list()) {
			if (upload.kind === kind) await this.#store.remove(upload.hash);
		}
		await this.#rebuild(engine);
	}

	/** Forgets a kept upload and rebuilds the data without it. */
	async removeUpload(hash: string): Promise<void> {
		const engine = this.engine;
		if (!engine || !this.#store || this.progress) return;
		await this.#store.remove(hash);
		await this.#rebuild(engine);
	}

	async #keep(
		engine: Engine,
		file: ImportFile,
		result: ImportResult,
		choices: ImportChoices
	): Promise<void> {
		if (!this.#store || !result.kind) return;
		// Another sheet of a workbook already kept joins its entry: one file, several imports.
		const earlier = (await this.#store.list()).find((upload) => upload.hash === result.hash);
		const sameSheet =
			earlier && replaySteps(earlier.choices).some((step) => step.sheet === choices.sheet);
		const rows =
			earlier && choices.sheet && !sameSheet
				? earlier.rows + result.importedCount
				: result.importedCount;
		const entry = {
			hash: result.hash,
			name: file.name,
			kind: result.kind,
			rows,
			encoding: result.encoding,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			importedAt: new Date().toISOString(),
			choices: { ...keepChoices(earlier?.choices ?? null, choices) }
		};
		try {
			// The chosen file itself, which the browser stores without a copy on this thread; if it
			// can no longer be read (changed on disk since), the bytes imported are kept instead.
			await this.#store
				.add(entry, file.blob ?? file.bytes)
				.catch((error: unknown) =>
					file.blob && !(error instanceof StorageFullError)
						? this.#store!.add(entry, file.bytes)
						: Promise.reject(error)
				);
			this.storageNotice = null;
		} catch (error) {
			if (!(error instanceof StorageFullError)) throw error;
			this.storageNotice = 'full';
			await this.#rebuild(engine);
		}
	}

	/** Empties the data tables and loads everything again: the sample, then the kept uploads. */
	async #rebuild(engine: Engine): Promise<void> {
		this.engine = null;
		await clearData(engine);
		await this.#fill(engine);
		this.engine = engine;
	}

	async #fill(engine: Engine): Promise<void> {
		await timedStep('engine:sample', () => importSample(engine, this.#sources.fetchBytes));
		this.uploads = this.#store ? await this.#store.list() : [];
		for (const upload of this.uploads) {
			const bytes = await this.#store!.get(upload.hash);
			// A workbook several of whose sheets were imported replays each, in order.
			for (const step of replaySteps(upload.choices)) {
				const result = bytes
					? await importCsv(
							engine,
							{ name: upload.name, bytes },
							{ ...step, prepare: this.#sources.prepare }
						)
					: null;
				if (!result?.imported) this.storageNotice = 'replay-failed';
			}
		}
		await this.#refresh(engine);
	}

	async #refresh(engine: Engine): Promise<void> {
		const { options, ...counts } = await readContents(engine);
		this.options = options;
		this.status = { phase: 'ready', ...counts };
		if (this.#store) this.uploads = await this.#store.list();
		this.revision++;
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
