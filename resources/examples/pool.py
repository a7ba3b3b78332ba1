import multiprocessing
import time

def worker(num):
    """进程的工作函数"""
    print(f"Worker {num} started")
    time.sleep(2)
    print(f"Worker {num} finished")

if __name__ == "__main__":
    # 创建进程池
    pool = multiprocessing.Pool(processes=2)

    # 提交任务给进程池
    pool.apply_async(worker, (1,))
    pool.apply_async(worker, (2,))

    # 关闭进程池,不再接受新任务
    pool.close()

    # 等待所有任务完成
    pool.join()

    print("All processes finished")
