"""Drives kazoo's recipes against a test ZooKeeper, for the recipe lens tests.

    /usr/bin/python3 recipes.py HOSTS RECIPE PATH CLIENTS

RECIPE is lock, election or party. Each of CLIENTS contenders has its own KazooClient (its own
session), with identifier "client-<i>". Commands arrive on stdin, one per line:
    next      the current lock holder (or election leader) releases; the next one takes over
    leave I   party member I leaves        join I   party member I joins again
    exit      every client stops and closes
Events go to stdout as JSON lines: {"event": "ready"}, {"event": "acquired", "id": "client-1"},
{"event": "released", ...}, {"event": "joined"/"left", ...}, {"event": "done"}.
"""
import json
import sys
import threading

from kazoo.client import KazooClient

hosts, recipe, path, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
out_lock = threading.Lock()


def emit(event, **fields):
    with out_lock:
        print(json.dumps({"event": event, **fields}), flush=True)


clients = []
for i in range(count):
    c = KazooClient(hosts=hosts, timeout=10)
    c.start(timeout=15)
    clients.append(c)

turn = threading.Semaphore(0)  # one release per "next"
threads = []


def contend(i):
    ident = "client-%d" % i
    c = clients[i]

    def lead():
        emit("acquired", id=ident)
        turn.acquire()
        emit("released", id=ident)

    if recipe == "lock":
        with c.Lock(path, ident):
            lead()
    else:
        c.Election(path, ident).run(lead)


parties = []
if recipe in ("lock", "election"):
    for i in range(count):
        t = threading.Thread(target=contend, args=(i,), daemon=True)
        t.start()
        threads.append(t)
elif recipe == "party":
    for i in range(count):
        p = clients[i].Party(path, "client-%d" % i)
        p.join()
        parties.append(p)
        emit("joined", id="client-%d" % i)
else:
    raise SystemExit("unknown recipe " + recipe)

emit("ready")
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    if words[0] == "next":
        turn.release()
    elif words[0] == "leave":
        parties[int(words[1])].leave()
        emit("left", id="client-" + words[1])
    elif words[0] == "join":
        parties[int(words[1])].join()
        emit("joined", id="client-" + words[1])
    elif words[0] == "exit":
        break

# Contenders still waiting take their turn and release at once.
for _ in threads:
    turn.release()
for t in threads:
    t.join(timeout=10)
for c in clients:
    c.stop()
    c.close()
emit("done")
