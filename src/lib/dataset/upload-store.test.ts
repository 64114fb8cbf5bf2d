import { createHash } from 'node:crypto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	openUploadStore,
	requestPersistence,
	StorageFullError,
	type StoredUpload,
	type UploadStore
} from './upload-store';

const NAME = 'uploads-test';

function bytesOf(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function entryFor(
	bytes: Uint8Array,
	overrides: Partial<Omit<StoredUpload, 'order'>> = {}
): Omit<StoredUpload, 'order'> {
	return {
		hash: sha256(bytes),
		name: 'evaluations-2024.csv',
		kind: 'evaluations',
		rows: 3,
		encoding: 'utf-8',
		importedAt: '2025-03-01T09:00:00.000+09:00',
		choices: { mode: 'add', validOnly: false, columnOverrides: { 점수: 'score' } },
		...overrides
	};
}

/** Opens the same database as another tab would: a second connection on the same factory. */
function openTab(factory: IDBFactory): Promise<UploadStore> {
	return openUploadStore({ indexedDB: factory, name: NAME });
}

/** Runs one request on one object store, bypassing the module; its result once committed. */
function rawRequest<T>(
	factory: IDBFactory,
	store: 'bytes' | 'manifest',
	mode: IDBTransactionMode,
	request: (objects: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	return new Promise((resolve, reject) => {
		const open = factory.open(NAME);
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const tx = db.transaction(store, mode);
			const made = request(tx.objectStore(store));
			tx.oncomplete = () => {
				db.close();
				resolve(made.result);
			};
			tx.onerror = () => reject(tx.error);
		};
	});
}

/** Counts the records of one object store. */
const countRecords = (factory: IDBFactory, store: 'bytes' | 'manifest') =>
	rawRequest(factory, store, 'readonly', (objects) => objects.count());

/** Writes one record of the bytes store as an earlier build did. */
const putRaw = (factory: IDBFactory, key: string, value: unknown) =>
	rawRequest(factory, 'bytes', 'readwrite', (objects) => objects.put(value, key));

/** Reads one record of the bytes store as kept. */
const readRaw = (factory: IDBFactory, key: string) =>
	rawRequest(factory, 'bytes', 'readonly', (objects) => objects.get(key) as IDBRequest<unknown>);

afterEach(() => {
	vi.restoreAllMocks();
});

describe('upload store', () => {
	it('adds, lists, gets, removes and clears', async () => {
		const store = await openTab(new IDBFactory());
		const a = bytesOf('연도,자치구\n2024,종로구\n');
		const b = bytesOf('year,district,budget\n2024,11110,1000\n');

		const storedA = await store.add(entryFor(a), a);
		const storedB = await store.add(entryFor(b, { name: 'budget.csv', kind: 'budget' }), b);
		expect(storedA).toEqual({ ...entryFor(a), order: 0 });
		expect(storedB.order).toBe(1);
		expect(await store.list()).toEqual([storedA, storedB]);
		expect(await store.get(storedA.hash)).toEqual(a);

		await store.remove(storedA.hash);
		expect(await store.list()).toEqual([storedB]);
		expect(await store.get(storedA.hash)).toBeNull();

		await store.clear();
		expect(await store.list()).toEqual([]);
		expect(await store.get(storedB.hash)).toBeNull();
	});

	it('round-trips bytes exactly, including 0x00 and 0xFF, and keeps only a view’s own bytes', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const every = Uint8Array.from([
			0x00,
			0xff,
			...Array.from({ length: 256 }, (_, i) => i),
			0xff,
			0x00
		]);
		await store.add(entryFor(every), every);
		const back = await store.get(sha256(every));
		expect(back).toBeInstanceOf(Uint8Array);
		expect(back).toEqual(every);

		const view = new Uint8Array([0xff, 0x00, 0xfe, 0xff, 0x00, 0x01]).subarray(2, 5);
		await store.add(entryFor(view), view);
		const viewBack = await store.get(sha256(view));
		expect(viewBack).toEqual(new Uint8Array([0xfe, 0xff, 0x00]));
		expect(viewBack?.buffer.byteLength).toBe(3);
	});

	it('keeps the bytes as a Blob, and still reads the typed arrays earlier builds kept', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const bytes = bytesOf('a,b\n1,2\n');
		await store.add(entryFor(bytes), bytes);
		const older = bytesOf('c,d\n3,4\n');
		await putRaw(factory, sha256(older), older);
		expect(await readRaw(factory, sha256(bytes))).toBeInstanceOf(Blob);
		expect(await store.get(sha256(bytes))).toEqual(bytes);
		expect(await store.get(sha256(older))).toEqual(older);
	});

	it('keeps entries and bytes across a reload (a new connection)', async () => {
		const factory = new IDBFactory();
		const first = await openTab(factory);
		const bytes = bytesOf('a,b\n1,2\n');
		const stored = await first.add(entryFor(bytes), bytes);

		const reloaded = await openTab(factory);
		expect(await reloaded.list()).toEqual([stored]);
		expect(await reloaded.get(stored.hash)).toEqual(bytes);
	});

	it('moves a re-added file to the end with its new entry, keeping one copy of the bytes', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const [a, b, c] = ['a\n1\n', 'b\n2\n', 'c\n3\n'].map(bytesOf) as [
			Uint8Array,
			Uint8Array,
			Uint8Array
		];
		await store.add(entryFor(a), a);
		await store.add(entryFor(b), b);
		await store.add(entryFor(c), c);

		const again = entryFor(a, {
			importedAt: '2025-03-02T10:00:00.000+09:00',
			choices: { mode: 'replace-years', validOnly: true }
		});
		const readded = await store.add(again, a);
		expect(readded).toEqual({ ...again, order: 3 });

		const list = await store.list();
		expect(list.map((entry) => entry.hash)).toEqual([sha256(b), sha256(c), sha256(a)]);
		expect(list.map((entry) => entry.order)).toEqual([1, 2, 3]);
		expect(list[2]?.choices).toEqual({ mode: 'replace-years', validOnly: true });
		expect(await countRecords(factory, 'bytes')).toBe(3);
		expect(await countRecords(factory, 'manifest')).toBe(3);
	});

	it('keeps only the known fields, copied when add is called', async () => {
		const store = await openTab(new IDBFactory());
		const bytes = bytesOf('x\n1\n');
		const choices: Record<string, unknown> = { mode: 'add' };
		const entry = { ...entryFor(bytes, { choices }), extra: 'not kept' };
		const pending = store.add(entry, bytes);
		choices.mode = 'replace-all';
		await pending;
		const [kept] = await store.list();
		expect(kept).toEqual({ ...entryFor(bytes, { choices: { mode: 'add' } }), order: 0 });
	});

	it('keeps both entries, at distinct positions, when two tabs add at once', async () => {
		const factory = new IDBFactory();
		const [tabA, tabB] = await Promise.all([openTab(factory), openTab(factory)]);
		const files = Array.from({ length: 6 }, (_, i) => bytesOf(`file ${i}\n`));
		const results = await Promise.all(
			files.map((bytes, i) => (i % 2 === 0 ? tabA : tabB).add(entryFor(bytes), bytes))
		);

		const orders = results.map((entry) => entry.order);
		expect(new Set(orders).size).toBe(files.length);
		const list = await tabA.list();
		expect(list).toHaveLength(files.length);
		expect(list.map((entry) => entry.order)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(new Set(list.map((entry) => entry.hash))).toEqual(new Set(files.map(sha256)));
		expect(await tabB.list()).toEqual(list);
	});

	it('rejects a key that is not a lowercase hex SHA-256, writing nothing', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const bytes = bytesOf('a\n');
		await expect(store.add(entryFor(bytes, { hash: 'ABC' }), bytes)).rejects.toThrow(TypeError);
		expect(await countRecords(factory, 'bytes')).toBe(0);
	});

	it('rolls back the bytes when the entry cannot be stored', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const bytes = bytesOf('a\n');
		const entry = entryFor(bytes, { choices: { notJson: () => 1 } });
		await expect(store.add(entry, bytes)).rejects.toMatchObject({ name: 'DataCloneError' });
		expect(await store.list()).toEqual([]);
		expect(await store.get(entry.hash)).toBeNull();
		expect(await countRecords(factory, 'bytes')).toBe(0);
	});
});

describe('a full quota', () => {
	// Browsers report a full quota as a QuotaExceededError DOMException: usually as the aborted
	// transaction's error, sometimes thrown by the put itself. Both are simulated on one store.
	const cases: { store: 'bytes' | 'manifest'; how: 'abort' | 'throw' }[] = [
		{ store: 'bytes', how: 'abort' },
		{ store: 'bytes', how: 'throw' },
		{ store: 'manifest', how: 'abort' },
		{ store: 'manifest', how: 'throw' }
	];

	function simulateQuotaOn(target: 'bytes' | 'manifest', how: 'abort' | 'throw') {
		const realPut = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name !== target) return realPut.apply(this, args);
			const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
			if (how === 'throw') throw quota;
			// Write first, then abort once the write has happened, as a browser does when the disk
			// refuses it, so the rollback is what is tested.
			const tx = this.transaction;
			const request = realPut.apply(this, args);
			request.addEventListener('success', () => {
				tx.abort();
				Object.defineProperty(tx, 'error', { value: quota });
			});
			return request;
		});
	}

	it.each(cases)(
		'on the $store store ($how) is StorageFullError with nothing written',
		async ({ store: target, how }) => {
			const factory = new IDBFactory();
			const store = await openTab(factory);
			const kept = bytesOf('kept\n');
			const readded = bytesOf('re-added\n');
			await store.add(entryFor(kept), kept);
			await store.add(entryFor(readded), readded);
			const before = await store.list();

			simulateQuotaOn(target, how);
			const fresh = bytesOf('new\n');
			const failure = store.add(entryFor(fresh), fresh);
			await expect(failure).rejects.toBeInstanceOf(StorageFullError);
			await expect(failure).rejects.toMatchObject({
				name: 'StorageFullError',
				cause: { name: 'QuotaExceededError' }
			});
			await expect(store.add(entryFor(readded, { rows: 99 }), readded)).rejects.toBeInstanceOf(
				StorageFullError
			);
			vi.restoreAllMocks();

			expect(await store.list()).toEqual(before);
			expect(await store.get(sha256(fresh))).toBeNull();
			expect(await store.get(sha256(readded))).toEqual(readded);
			expect(await countRecords(factory, 'bytes')).toBe(2);

			// The store is still usable once space is freed.
			expect((await store.add(entryFor(fresh), fresh)).order).toBe(2);
		}
	);
});

describe('opening', () => {
	it('does not need indexedDB to be imported, and says so when it is missing', async () => {
		expect(typeof indexedDB).toBe('undefined');
		await expect(openUploadStore()).rejects.toThrow('IndexedDB is not available');
	});

	it('lets another tab upgrade or delete the database, then asks for a reload', async () => {
		const factory = new IDBFactory();
		const store = await openTab(factory);
		const bytes = bytesOf('a\n');
		await store.add(entryFor(bytes), bytes);

		const upgraded = await new Promise<string>((resolve, reject) => {
			const request = factory.open(NAME, 2);
			request.onblocked = () => resolve('blocked');
			request.onerror = () => reject(request.error);
			request.onsuccess = () => {
				request.result.close();
				resolve('opened');
			};
		});
		expect(upgraded).toBe('opened');
		await expect(store.list()).rejects.toThrow('reload the page');
	});

	it('does not block deleting the database', async () => {
		const factory = new IDBFactory();
		await openTab(factory);
		const outcome = await new Promise<string>((resolve) => {
			const request = factory.deleteDatabase(NAME);
			request.onblocked = () => resolve('blocked');
			request.onsuccess = () => resolve('deleted');
		});
		expect(outcome).toBe('deleted');
	});
});

describe('requestPersistence', () => {
	const cases: {
		label: string;
		storage: Partial<Pick<StorageManager, 'persist'>> | undefined;
		expected: string;
	}[] = [
		{ label: 'no StorageManager', storage: undefined, expected: 'unsupported' },
		{ label: 'no persist()', storage: {}, expected: 'unsupported' },
		{ label: 'granted', storage: { persist: async () => true }, expected: 'granted' },
		{ label: 'denied', storage: { persist: async () => false }, expected: 'denied' },
		{
			label: 'rejects',
			storage: { persist: () => Promise.reject(new Error('no')) },
			expected: 'denied'
		},
		{
			label: 'throws',
			storage: {
				persist: () => {
					throw new Error('no');
				}
			},
			expected: 'denied'
		}
	];

	it.each(cases)('$label → $expected', async ({ storage, expected }) => {
		expect(await requestPersistence(storage)).toBe(expected);
	});

	it('is unsupported where there is no navigator.storage (Node, plain-http origins)', async () => {
		expect(await requestPersistence()).toBe('unsupported');
	});
});
