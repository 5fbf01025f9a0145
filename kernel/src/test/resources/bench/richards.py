# A task scheduler in the spirit of Richards' benchmark: objects, method calls, queues and
# branches (a compact re-implementation, not pyperformance's bm_richards).
class Packet:
    __slots__ = ("link", "kind", "datum")

    def __init__(self, link, kind):
        self.link = link
        self.kind = kind
        self.datum = 0


class Task:
    def __init__(self, scheduler, priority):
        self.scheduler = scheduler
        self.priority = priority
        self.queue = []
        self.runs = 0

    def enqueue(self, packet):
        self.queue.append(packet)

    def step(self):
        self.runs += 1
        if not self.queue:
            return None
        packet = self.queue.pop(0)
        packet.datum = (packet.datum * 31 + self.priority) % 1009
        return packet


class Worker(Task):
    def step(self):
        packet = super().step()
        if packet is not None:
            packet.kind = 1 - packet.kind
            target = self.scheduler.tasks[(packet.datum + self.priority) % len(self.scheduler.tasks)]
            target.enqueue(packet)
        return packet


class Handler(Task):
    def step(self):
        packet = super().step()
        if packet is not None:
            self.scheduler.handled += packet.datum & 7
            self.scheduler.tasks[packet.kind].enqueue(packet)
        return packet


class Scheduler:
    def __init__(self):
        self.handled = 0
        self.tasks = [Worker(self, 1), Worker(self, 2), Handler(self, 3), Handler(self, 4),
                      Worker(self, 5), Handler(self, 6)]
        for i in range(40):
            self.tasks[i % len(self.tasks)].enqueue(Packet(None, i % 2))

    def run(self, steps):
        tasks = self.tasks
        for i in range(steps):
            tasks[i % len(tasks)].step()
        return self.handled


def bench():
    return Scheduler().run(80_000)
