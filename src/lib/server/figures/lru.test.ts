import { describe, expect, it } from 'vitest';
import { LruCache } from './lru';

describe('LruCache', () => {
	it('keeps the most recently used entries and tells which left', async () => {
		const evicted: number[] = [];
		const cache = new LruCache<string, Promise<number>>(2, (value) => {
			void value.then((n) => evicted.push(n));
		});
		cache.set('a', Promise.resolve(1));
		cache.set('b', Promise.resolve(2));
		expect(await cache.get('a')).toBe(1); // a is now the most recent
		cache.set('c', Promise.resolve(3));
		expect(cache.get('b')).toBeUndefined();
		expect(cache.size).toBe(2);
		await Promise.resolve();
		expect(evicted).toEqual([2]);
	});

	it('forgets a rejected promise, so the next caller creates it again', async () => {
		const cache = new LruCache<string, Promise<number>>(4);
		const failed = cache.getOrCreate('a', () => Promise.reject(new Error('no')));
		await expect(failed).rejects.toThrow('no');
		expect(cache.getOrCreate('a', () => Promise.resolve(5))).not.toBe(failed);
		expect(await cache.get('a')).toBe(5);
	});

	it('hands a replaced entry to onEvict', () => {
		const evicted: Promise<number>[] = [];
		const cache = new LruCache<string, Promise<number>>(4, (value) => evicted.push(value));
		const first = Promise.resolve(1);
		cache.set('a', first);
		cache.set('a', Promise.resolve(2));
		expect(evicted).toEqual([first]);
	});
});
