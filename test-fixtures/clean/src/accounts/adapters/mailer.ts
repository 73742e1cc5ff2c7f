import * as nodemailer from 'nodemailer';
import { openAccount } from '../core/account';

export const transport = nodemailer;
export const open = openAccount;
