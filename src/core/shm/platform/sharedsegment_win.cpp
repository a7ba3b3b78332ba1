// SPDX-License-Identifier: MIT
// Windows: QSharedMemory's native key names a file mapping (CreateFileMappingW on the key's
// UTF-16); the worker opens it by name. The mapping lives while any handle to it is open.
#include "shm/sharedsegment.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

namespace ProcessLab::Shm {

namespace {
std::string systemMessage(DWORD code)
{
    char *buffer = nullptr;
    const DWORD length = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                                            | FORMAT_MESSAGE_IGNORE_INSERTS,
                                        nullptr, code, 0, reinterpret_cast<LPSTR>(&buffer), 0, nullptr);
    std::string text = length && buffer ? std::string(buffer, length) : std::string();
    if (buffer)
        LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return "error " + std::to_string(code) + (text.empty() ? std::string() : ": " + text);
}

bool fail(std::string *error, const SegmentKey &key, const char *call, DWORD code)
{
    if (error) {
        *error = std::string("cannot attach shared memory \"") + key.nativeKey + "\" ("
            + keyTypeName(key.type) + "): " + call + ": " + systemMessage(code);
    }
    return false;
}

std::wstring toUtf16(const std::string &text)
{
    if (text.empty())
        return {};
    const int length = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(),
                                           static_cast<int>(text.size()), nullptr, 0);
    if (length <= 0)
        return {};
    std::wstring wide(static_cast<std::size_t>(length), L'\0');
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), static_cast<int>(text.size()),
                        wide.data(), length);
    return wide;
}
} // namespace

std::unique_ptr<SharedSegment> SharedSegment::attach(const SegmentKey &key, std::string *error)
{
    if (key.type != KeyType::Windows) {
        fail(error, key, "attach", ERROR_NOT_SUPPORTED); // only named mappings exist here
        return nullptr;
    }
    const std::wstring name = toUtf16(key.nativeKey);
    if (name.empty()) {
        fail(error, key, "MultiByteToWideChar", ERROR_INVALID_NAME);
        return nullptr;
    }
    HANDLE mapping = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, name.c_str());
    if (!mapping) {
        fail(error, key, "OpenFileMappingW", GetLastError());
        return nullptr;
    }
    void *view = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    if (!view) {
        const DWORD code = GetLastError();
        CloseHandle(mapping);
        fail(error, key, "MapViewOfFile", code);
        return nullptr;
    }
    // The view's size, as QSharedMemory reads it: the mapping's size rounded up to a page.
    MEMORY_BASIC_INFORMATION info{};
    if (VirtualQuery(view, &info, sizeof info) == 0) {
        const DWORD code = GetLastError();
        UnmapViewOfFile(view);
        CloseHandle(mapping);
        fail(error, key, "VirtualQuery", code);
        return nullptr;
    }
    std::unique_ptr<SharedSegment> segment(new SharedSegment);
    segment->m_type = key.type;
    segment->m_data = view;
    segment->m_size = static_cast<std::size_t>(info.RegionSize);
    segment->m_handle = mapping;
    return segment;
}

SharedSegment::~SharedSegment()
{
    if (m_data)
        UnmapViewOfFile(m_data);
    if (m_handle)
        CloseHandle(static_cast<HANDLE>(m_handle));
}

} // namespace ProcessLab::Shm
