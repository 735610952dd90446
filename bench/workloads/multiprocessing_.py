"""multiprocessing per start method: Process start -> first result, and Pool(2).map over small tasks.

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


def main():
    p = params(method="spawn", tasks=1000)
    ctx = multiprocessing.get_context(p["method"])
    t0 = time.perf_counter()
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(target=answer, args=(writer,))
    process.start()
    reader.recv()
    first_result = time.perf_counter() - t0
    process.join()
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.map(tiny, range(p["tasks"]))
    pool_map = time.perf_counter() - t0
    print(json.dumps({"method": p["method"], "first_result_s": round(first_result, 3),
                      "pool2_map_s": round(pool_map, 3), "exitcode": process.exitcode}))


if __name__ == "__main__":
    main()
