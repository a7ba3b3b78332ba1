import multiprocessing

def producer(queue):
    """生产者进程"""
    for i in range(5):
        queue.put(i)
        print(f"Produced: {i}")

def consumer(queue):
    """消费者进程"""
    while True:
        item = queue.get()
        if item is None:
            break
        print(f"Consumed: {item}")

if __name__ == "__main__":
    # 创建队列
    queue = multiprocessing.Queue()

    # 创建生产者和消费者进程
    producer_process = multiprocessing.Process(target=producer, args=(queue,))
    consumer_process = multiprocessing.Process(target=consumer, args=(queue,))

    # 启动进程
    producer_process.start()
    consumer_process.start()

    # 等待生产者结束
    producer_process.join()

    # 停止消费者进程(放入结束标记)
    queue.put(None)
    consumer_process.join()

    print("All processes finished")
