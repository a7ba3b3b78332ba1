import multiprocessing

def square(x):
    """进程池中的进程对每个元素执行的函数"""
    return x * x

if __name__ == "__main__":
    # 创建进程池
    pool = multiprocessing.Pool(processes=2)

    # 把元素分块交给进程池中的进程计算,结果按原顺序返回
    results = pool.map(square, range(10))
    print(results)

    # 关闭进程池,不再接受新任务
    pool.close()

    # 等待所有任务完成
    pool.join()
