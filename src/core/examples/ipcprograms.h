// SPDX-License-Identifier: MIT
#pragma once

#include "pythonprogram.h"

namespace ProcessLab {

// The Python programs of the inter-process communication examples (tutorial section 3),
// written for the knob values. Each records its main program's statements in
// PythonProgram::statements and its workers' lines in PythonProgram::traceLines.
// A process of a group is named "<role>.<n>" (n from 1): "<role>.<n>.create", ".start",
// ".join"; in a loop the statement's context names the loop variable ("i = 3",
// "producer_process = producer_processes[2]"). Up to maxUnrolledWorkers processes of a
// group are written one line each (producer_process1, ...), beyond that as a list.

struct QueueProgramOptions
{
    int producers = 1;
    int consumers = 1;
    int items = 5;     // per producer
    int maxsize = 0;   // 0: unbounded, multiprocessing.Queue()
    double delay = 0;  // seconds a producer sleeps after each put; 0: no sleep, no `import time`
    // Main puts one None per consumer after joining the producers. false (a trap): no None is
    // put, the consumers wait in get() forever and so does main in their join().
    bool sentinel = true;
    // When main starts the consumers: with the producers (the tutorial), or only after it has
    // joined the producers (a trap: once the queue is full the producer waits for room and
    // main waits for the producer, for ever).
    enum class ConsumersStart { WithProducers, AfterJoin };
    ConsumersStart consumersStart = ConsumersStart::WithProducers;
};

// Tutorial 3, "示例:使用 Queue 实现进程间通信"; at the defaults the tutorial's text byte for byte.
// With one producer it puts i and prints "Produced: {i}"; with more it puts [num, i] and
// prints "Produced: {i} (producer {num})". A consumer prints "Consumed: {i}", naming the
// producer when there are several and itself when there are several consumers:
// " (producer 2)", " (consumer 1)", " (producer 2, consumer 1)".
// Statements: queue.create, producer.<n>.create/start/join, consumer.<n>.create/start/join,
// sentinel.<n> (the n-th queue.put(None); absent without the sentinel), print.final.
// Traces: put, produced, sleep (delay > 0 only), get, is-none, break, unpack (producers > 1
// only), consumed.
PythonProgram queueProgram(const QueueProgramOptions &options);

// Main and one worker over a duplex Pipe: the worker sends f"Message {i}" for i in
// range(messages), printing "Sent: Message {i}" after each, then None, and closes its end;
// main prints "Received: {msg}" for each until None, joins, prints "All processes finished".
// Statements: pipe.create, sender.1.create/start/join, recv, recv.is-none, recv.break,
// print.received, print.final. Traces: send, sent, send-none, close.
PythonProgram pipeProgram(int messages);

// N workers each add 1 to a shared Value('i', 0) `increments` times, under its lock or
// without, then write their number into results[num - 1] of an Array('i', N) and print
// "Worker {num} finished"; main prints "Final value: v", "Array: [...]" and, without the
// lock, "Lost updates: N*K - v".
// Statements: counter.create, results.create, worker.<n>.create/start/join, print.value,
// print.array, print.lost (lock off only). Traces: lock (lock on only), increment, store,
// finished.
PythonProgram sharedProgram(int workers, int increments, bool lock);

} // namespace ProcessLab
