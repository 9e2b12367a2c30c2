package dev.alive.server;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts the runs in progress; once closed it admits no new one, and {@link #drain} waits for the running ones. */
final class RunGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean closed;

    /** Admits a run (false once the server is stopping); a run admitted must call {@link #finished}. */
    boolean enter() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void finished() {
        lock.lock();
        try {
            running--;
            if (running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Admits nothing more and waits up to {@code timeout} for the running runs; false if some still run. */
    boolean drain(Duration timeout) {
        lock.lock();
        try {
            closed = true;
            long left = timeout.toNanos();
            while (running > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
            return running == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running == 0;
        } finally {
            lock.unlock();
        }
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

}
