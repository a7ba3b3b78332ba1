import multiprocessing
import time

class MyProcess(multiprocessing.Process):
    def __init__(self, num):
        super().__init__()
        self.num = num

    def run(self):
        """重写 run 方法,在进程启动时执行"""
        print(f"Worker {self.num} started")
        time.sleep(2)
        print(f"Worker {self.num} finished")

if __name__ == "__main__":
    # 创建 MyProcess 实例并启动进程
    process1 = MyProcess(1)
    process2 = MyProcess(2)
    process1.start()
    process2.start()

    # 等待进程结束
    process1.join()
    process2.join()
    print("All processes finished")
