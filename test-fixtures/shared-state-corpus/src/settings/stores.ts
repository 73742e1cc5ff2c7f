import Redis from 'ioredis';
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';
import { LRUCache } from 'lru-cache';

// Clients of services outside the process: their set/add/push write to Redis or the database.
export const redis = new Redis();
export const sessionStore = createClient({ url: 'redis://localhost:6379' });
export const prisma = new PrismaClient();

// State in this process's memory, shared by every importer.
export const rateCache = new LRUCache<string, number>({ max: 500 });
export const trackingParams = new URLSearchParams();
