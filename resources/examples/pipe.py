import multiprocessing

def sender(conn):
    """子进程:通过管道发送消息,最后发送结束标记 None"""
    for i in range(5):
        conn.send(f"Message {i}")
        print(f"Sent: Message {i}")
    conn.send(None)
    conn.close()

if __name__ == "__main__":
    # 创建管道(默认双向),返回两个连接端
    parent_conn, child_conn = multiprocessing.Pipe()

    # 创建子进程,把管道的一端传给它
    process = multiprocessing.Process(target=sender, args=(child_conn,))

    # 启动进程
    process.start()

    # 从管道接收消息,收到结束标记 None 时停止
    while True:
        msg = parent_conn.recv()
        if msg is None:
            break
        print(f"Received: {msg}")

    # 等待进程结束
    process.join()

    print("All processes finished")
