import { Module } from '@nestjs/common';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { LoginFailuresRepository } from './auth/login-failures.repository.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository.js';
import { InvitationsResolver } from './organisations/invitations.resolver.js';
import { OrganisationAccessService } from './organisations/organisation-access.service.js';
import { OrganisationDeliveryListener } from './organisations/organisation-delivery.listener.js';
import { OrganisationInvitationsRepository } from './organisations/organisation-invitations.repository.js';
import { OrganisationMembersRepository } from './organisations/organisation-members.repository.js';
import { OrganisationMembersService } from './organisations/organisation-members.service.js';
import { OrganisationsGateway } from './organisations/organisations.gateway.js';
import { OrganisationsRepository } from './organisations/organisations.repository.js';
import { OrganisationsResolver } from './organisations/organisations.resolver.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersResolver } from './users/users.resolver.js';
import { UsersService } from './users/users.service.js';

/** Users, sign-in sessions, organisations and their members. */
@Module({
  providers: [
    // repositories
    UsersRepository,
    RefreshTokensRepository,
    LoginFailuresRepository,
    OrganisationsRepository,
    OrganisationMembersRepository,
    OrganisationInvitationsRepository,
    // services
    PasswordHasher,
    AuthService,
    UsersService,
    OrganisationAccessService,
    OrganisationsService,
    OrganisationMembersService,
    // resolvers and gateways
    AuthResolver,
    UsersResolver,
    OrganisationsResolver,
    InvitationsResolver,
    OrganisationsGateway,
    // listeners
    OrganisationDeliveryListener,
  ],
  exports: [UsersRepository, OrganisationsRepository, OrganisationMembersRepository, OrganisationAccessService, PasswordHasher],
})
export class IdentityModule {}
