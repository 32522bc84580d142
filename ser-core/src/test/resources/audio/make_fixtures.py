#!/usr/bin/env python3
"""Regenerates the audio fixtures in this folder (see README.md). Needs numpy, flac (1.4) and sox."""
import os
import struct
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261121)


def signal(frames, channels, bps, rate, silence=0.1, noise=0.02):
    """A chirp plus noise at about -6 dBFS, a stretch of digital silence, channels correlated."""
    t = np.arange(frames) / rate
    f0, f1 = 100.0, min(0.4 * rate, 6000.0)
    chirp = np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * t[-1] if t[-1] > 0 else 1)))
    out = np.empty((frames, channels))
    for c in range(channels):
        out[:, c] = 0.5 * chirp * (1 - 0.2 * c) + noise * rng.standard_normal(frames)
    quiet = int(frames * silence)
    out[frames // 2: frames // 2 + quiet, :] = 0.0
    full = 2 ** (bps - 1)
    return np.clip(np.round(out * full), -full, full - 1).astype(np.int64)


def write_raw(path, ints, bps):
    width = (bps + 7) // 8
    with open(path, 'wb') as f:
        for v in ints.reshape(-1):
            f.write(int(v).to_bytes(width, 'little', signed=True))


def write_extensible_wav(path, ints, bps, rate):
    """A WAVE_FORMAT_EXTENSIBLE file with bps valid bits left-justified in whole bytes (flac reads
    depths that are not a multiple of 8 only this way)."""
    width = (bps + 7) // 8
    channels = ints.shape[1]
    data = b''.join(int(v << (8 * width - bps)).to_bytes(width, 'little', signed=True) for v in ints.reshape(-1))
    guid = bytes([1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71])
    fmt = struct.pack('<HHIIHHHHI', 0xFFFE, channels, rate, rate * channels * width, channels * width,
                      8 * width, 22, bps, 4 if channels == 1 else 3) + guid
    body = b'WAVE' + b'fmt ' + struct.pack('<I', len(fmt)) + fmt + b'data' + struct.pack('<I', len(data)) + data
    with open(path, 'wb') as f:
        f.write(b'RIFF' + struct.pack('<I', len(body)) + body)


def flac(name, ints, bps, rate, *opts):
    out = os.path.join(HERE, name + '.flac')
    if bps % 8:
        wav = tempfile.mktemp(suffix='.wav')
        write_extensible_wav(wav, ints, bps, rate)
        cmd = ['flac', '-s', '-f', *opts, '-o', out, wav]
        print(' '.join(cmd))
        subprocess.run(cmd, check=True)
        os.remove(wav)
        return
    raw = tempfile.mktemp(suffix='.raw')
    write_raw(raw, ints, bps)
    cmd = ['flac', '-s', '-f', '--force-raw-format', '--endian=little', '--sign=signed',
           f'--channels={ints.shape[1]}', f'--bps={bps}', f'--sample-rate={rate}', *opts,
           '-o', out, raw]
    print(' '.join(cmd))
    subprocess.run(cmd, check=True)
    os.remove(raw)


def npy(name, ints):
    np.save(os.path.join(HERE, name + '.npy'), ints.astype(np.int32))


def aiff_c_sowt(name, ints, rate):
    """AIFF-C with little-endian 16-bit samples ('sowt'), written by hand (sox writes only NONE)."""
    frames, channels = ints.shape
    data = ints.astype('<i2').tobytes()
    ext = float_to_extended(rate)
    name_p = b'\x0enot compressed\x00'  # Pascal string padded to even length
    comm = struct.pack('>hIh', channels, frames, 16) + ext + b'sowt' + name_p
    fver = struct.pack('>I', 0xA2805140)
    ssnd = struct.pack('>II', 0, 0) + data
    body = b'AIFC' + chunk(b'FVER', fver) + chunk(b'COMM', comm) + chunk(b'SSND', ssnd)
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(b'FORM' + struct.pack('>I', len(body)) + body)


def chunk(cid, payload):
    pad = b'\x00' if len(payload) % 2 else b''
    return cid + struct.pack('>I', len(payload)) + payload + pad


def float_to_extended(x):
    exp = int(np.floor(np.log2(x)))
    mant = int(x * 2 ** (63 - exp))
    return struct.pack('>HQ', exp + 16383, mant)


def main():
    # 16-bit mono 16 kHz, 0.5 s: the corpus format, several encoder settings
    m16 = signal(8000, 1, 16, 16000)
    npy('mono16_16k', m16)
    flac('mono16_16k', m16, 16, 16000)                                  # default -5
    flac('mono16_16k_l8', m16, 16, 16000, '-8')                         # LPC up to order 12
    flac('mono16_16k_fixed', m16, 16, 16000, '-0')                      # fixed predictors only
    flac('mono16_16k_bs1001', m16, 16, 16000, '--blocksize=1001')       # odd block size (16-bit code)
    flac('mono16_16k_bs192', m16, 16, 16000, '--blocksize=192')         # block size code 1
    flac('mono16_16k_bs100', m16, 16, 16000, '--blocksize=100', '--lax')  # 8-bit block size code
    flac('mono16_16k_lpc32', m16, 16, 16000, '--lax', '-l', '32', '-b', '8192', '-r', '0,15', '-e', '-p')
    # the same stream with its STREAMINFO MD5 zeroed ("not computed")
    with open(os.path.join(HERE, 'mono16_16k.flac'), 'rb') as f:
        b = bytearray(f.read())
    assert b[0:4] == b'fLaC' and b[4] & 0x7F == 0
    b[8 + 18:8 + 34] = bytes(16)
    with open(os.path.join(HERE, 'mono16_16k_nomd5.flac'), 'wb') as f:
        f.write(b)

    # 24-bit stereo 44.1 kHz, 0.1 s: stereo decorrelation, 5-bit Rice parameters
    s24 = signal(4410, 2, 24, 44100)
    npy('stereo24_44k', s24)
    flac('stereo24_44k', s24, 24, 44100, '-8')
    # 24-bit stereo whose samples are multiples of 256: wasted bits
    w24 = (signal(1600, 2, 16, 16000) * 256)
    npy('stereo24_wasted', w24)
    flac('stereo24_wasted', w24, 24, 16000)
    # 8-bit mono at 11025 Hz (16-bit sample rate code)
    m8 = signal(2756, 1, 8, 11025)
    npy('mono8_11k', m8)
    flac('mono8_11k', m8, 8, 11025)
    # 12-bit mono at 12 kHz (kHz sample rate code, 12-bit sample size code)
    m12 = signal(1200, 1, 12, 12000)
    npy('mono12_12k', m12)
    flac('mono12_12k', m12, 12, 12000)
    # 32-bit stereo at 99990 Hz (tens-of-Hz sample rate code)
    s32 = signal(1000, 2, 32, 99990)
    npy('stereo32_99990', s32)
    flac('stereo32_99990', s32, 32, 99990)
    # full-scale white noise: verbatim subframes
    noise = np.clip(np.round(rng.uniform(-1, 1, (800, 1)) * 32768), -32768, 32767).astype(np.int64)
    npy('noise16', noise)
    flac('noise16', noise, 16, 16000)
    # six channels, independent coding
    m6 = signal(800, 6, 16, 16000)
    npy('six16', m6)
    flac('six16', m6, 16, 16000)

    # AIFF and AIFF-C made by sox from a 16-bit WAV of the mono signal, and AIFF-C 'sowt' by hand
    wav = tempfile.mktemp(suffix='.wav')
    import wave
    with wave.open(wav, 'wb') as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(22050)
        st16 = signal(2205, 2, 16, 22050)
        w.writeframes(st16.astype('<i2').tobytes())
    npy('stereo16_22k', st16)
    for cmd in (['sox', wav, os.path.join(HERE, 'stereo16_22k.aiff')],
                ['sox', wav, '-b', '24', os.path.join(HERE, 'stereo16_22k_s24.aiff')],
                ['sox', wav, '-e', 'floating-point', '-b', '32', os.path.join(HERE, 'stereo16_22k_f32.aifc')]):
        print(' '.join(cmd))
        subprocess.run(cmd, check=True)
    os.remove(wav)
    aiff_c_sowt('stereo16_22k_sowt.aifc', st16, 22050)


if __name__ == '__main__':
    main()
