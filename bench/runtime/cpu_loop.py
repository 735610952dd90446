"""A CPU-bound pure-Python loop (arithmetic and dict work) for SECONDS (default 30): prints the
iterations per second of the whole run and of its last third (after the JITs warmed up)."""
import sys
import time


def step(i, table):
    key = i % 1000
    table[key] = table.get(key, 0) + (i * i) % 7
    return key


def main(seconds):
    table = {}
    start = time.monotonic()
    end = start + seconds
    last_third = start + seconds * 2 / 3
    count = count_at_last_third = 0
    now = start
    while now < end:
        for i in range(1000):
            step(count + i, table)
        count += 1000
        now = time.monotonic()
        if not count_at_last_third and now >= last_third:
            count_at_last_third = count
    whole = count / (now - start)
    tail = (count - count_at_last_third) / (now - last_third)
    print(f"iterations/s: whole run {whole:,.0f}, last third {tail:,.0f}")


main(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0)
