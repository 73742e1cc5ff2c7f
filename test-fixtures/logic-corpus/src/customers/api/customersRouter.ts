import { Router, json, type NextFunction, type Request, type Response } from 'express';
import { DuplicateEmailError, type CustomerRepository } from '../data/customerRepository';
import type { Customer } from '../core/types';

interface SignupBody {
  email?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  phone?: unknown;
}

type ValidationIssue = { field: string; message: string };

function validateSignup(body: SignupBody): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
    issues.push({ field: 'email', message: 'must be a valid email address' });
  }
  for (const field of ['firstName', 'lastName'] as const) {
    const value = body[field];
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > 80) {
      issues.push({ field, message: 'must be 1–80 characters' });
    }
  }
  if (body.phone !== undefined && (typeof body.phone !== 'string' || body.phone.replace(/\D/g, '').length < 7)) {
    issues.push({ field: 'phone', message: 'must contain at least 7 digits' });
  }
  return issues;
}

function toPublicCustomer(customer: Customer) {
  const { flaggedForFraud: _flagged, ...rest } = customer;
  return rest;
}

function errorStatus(error: unknown): { status: number; code: string } {
  if (error instanceof DuplicateEmailError) return { status: 409, code: 'email_taken' };
  if (error instanceof SyntaxError) return { status: 400, code: 'malformed_json' };
  return { status: 500, code: 'internal_error' };
}

export function customersRouter(customers: CustomerRepository): Router {
  const router = Router();
  router.use(json({ limit: '32kb' }));

  router.post('/v1/customers', async (req: Request<{}, unknown, SignupBody>, res: Response, next: NextFunction) => {
    const issues = validateSignup(req.body);
    if (issues.length > 0) return res.status(422).json({ error: 'validation_failed', issues });
    try {
      const created = await customers.create({
        email: String(req.body.email).trim().toLowerCase(),
        firstName: String(req.body.firstName).trim(),
        lastName: String(req.body.lastName).trim(),
        phone: typeof req.body.phone === 'string' ? req.body.phone : undefined,
        segment: 'consumer',
        loyaltyPoints: 0,
        createdAt: new Date().toISOString(),
        completedOrders: 0,
        flaggedForFraud: false,
        emailVerified: false,
      });
      return res.status(201).json(toPublicCustomer(created));
    } catch (error) {
      const { status, code } = errorStatus(error);
      if (status === 500) return next(error);
      return res.status(status).json({ error: code });
    }
  });

  router.get('/v1/customers/:id', async (req: Request<{ id: string }>, res: Response) => {
    const customer = await customers.findById(req.params.id);
    return customer ? res.json(toPublicCustomer(customer)) : res.status(404).json({ error: 'customer_not_found' });
  });

  return router;
}
