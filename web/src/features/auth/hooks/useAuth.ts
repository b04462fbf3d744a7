import { useContext } from 'react';
import { AuthContext, type AuthState } from '../components/AuthContext';

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an AuthProvider');
  return state;
}
