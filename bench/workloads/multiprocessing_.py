"""multiprocessing per start method: Process start -> first result (the first Process of the program,
then a second one: graalpy-os's forkserver hands it a worker that warmed up meanwhile), and
Pool(2).map over small tasks.

Arguments: method=spawn|fork|forkserver tasks=1000. Prints one JSON line (seconds).
"""

import json
import multiprocessing
import time

from _common import params


def answer(conn):
    conn.send(42)
    conn.close()


def tiny(x):
    return x + 1


def start_to_result(ctx):
    """Seconds from Process creation to its first result in the parent; the joined process."""
    t0 = time.perf_counter()
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(target=answer, args=(writer,))
    process.start()
    reader.recv()
    seconds = time.perf_counter() - t0
    process.join()
    return seconds, process


def main():
    p = params(method="spawn", tasks=1000)
    ctx = multiprocessing.get_context(p["method"])
    first_result, process = start_to_result(ctx)
    second_result, _ = start_to_result(ctx)
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.map(tiny, range(p["tasks"]))
    pool_map = time.perf_counter() - t0
    print(json.dumps({"method": p["method"], "first_result_s": round(first_result, 3),
                      "second_result_s": round(second_result, 3),
                      "pool2_map_s": round(pool_map, 3), "exitcode": process.exitcode}))


if __name__ == "__main__":
    main()
