import multiprocessing

def worker(counter, results, num):
    """进程的工作函数:把共享计数器加 1,共 1000000 次"""
    # 加锁:读取、加 1、写回不会被其他进程打断
    for _ in range(1000000):
        with counter.get_lock():
            counter.value += 1
    results[num - 1] = num
    print(f"Worker {num} finished")

if __name__ == "__main__":
    # 在共享内存中创建整数计数器和整数数组
    counter = multiprocessing.Value('i', 0)
    results = multiprocessing.Array('i', 2)

    # 创建进程对象
    process1 = multiprocessing.Process(target=worker, args=(counter, results, 1))
    process2 = multiprocessing.Process(target=worker, args=(counter, results, 2))

    # 启动进程
    process1.start()
    process2.start()

    # 等待进程结束
    process1.join()
    process2.join()

    print("Final value:", counter.value)
    print("Array:", results[:])
