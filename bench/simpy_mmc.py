"""Equivalent M/M/c model in SimPy, for the engine benchmark's ratio (run by bench/run.ts).

Usage: /usr/bin/python3 bench/simpy_mmc.py LAMBDA C MU HORIZON SEED
Prints: customers wall_seconds mean_wait
"""
import random
import sys
import time

import simpy


def main() -> None:
    lam, c, mu, horizon, seed = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=c)
    stats = {"n": 0, "wait": 0.0}

    def customer(env):
        arrive = env.now
        with servers.request() as req:
            yield req
            stats["wait"] += env.now - arrive
            yield env.timeout(rng.expovariate(mu))
        stats["n"] += 1

    def source(env):
        while True:
            yield env.timeout(rng.expovariate(lam))
            if env.now >= horizon:
                return
            env.process(customer(env))

    env.process(source(env))
    t0 = time.perf_counter()
    env.run()
    wall = time.perf_counter() - t0
    print(stats["n"], wall, stats["wait"] / max(1, stats["n"]))


if __name__ == "__main__":
    main()
